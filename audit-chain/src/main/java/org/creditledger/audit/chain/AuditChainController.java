package org.creditledger.audit.chain;

import io.swagger.v3.oas.annotations.Operation;
import org.creditledger.platform.access.AllowedRoles;
import org.creditledger.platform.access.Role;
import org.creditledger.platform.web.FieldProblem;
import org.creditledger.platform.web.InvalidInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The tamper-evident digest of the ledger and its verification (INSPECTOR, ADMIN). docs/audit-chain.md describes the
 * chain so that an outside tool can recompute it.
 */
@RestController
class AuditChainController {

    private final EventChain chain;
    private final EventChainer chainer;
    private final ChainVerifier verifier;

    AuditChainController(EventChain chain, EventChainer chainer, ChainVerifier verifier) {
        this.chain = chain;
        this.chainer = chainer;
        this.verifier = verifier;
    }

    /**
     * {@code lastGlobalIndex} and {@code digest} (hex of its link) name the chain's state; keep both to use as an
     * anchor of a later verify. {@code unchainedEvents}: stored events the chain has not reached yet.
     */
    record AuditDigest(long lastGlobalIndex, String digest, Instant chainedAt, long unchainedEvents) {
    }

    /** The anchor of a verify: a digest obtained earlier. Both fields, or neither for no anchor. */
    record AuditAnchor(Long lastGlobalIndex, String digest) {

        private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-fA-F]{64}");

        /** Null when the body names no anchor. */
        ChainVerifier.Anchor parse() {
            if (lastGlobalIndex == null && digest == null) {
                return null;
            }
            List<FieldProblem> problems = new ArrayList<>();
            if (lastGlobalIndex == null || lastGlobalIndex < 0) {
                problems.add(new FieldProblem("lastGlobalIndex", "the anchor's global index (0 or more) is required with a digest"));
            }
            if (digest == null || !HEX_DIGEST.matcher(digest).matches()) {
                problems.add(new FieldProblem("digest", "the anchor's digest must be 64 hexadecimal digits"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            return new ChainVerifier.Anchor(lastGlobalIndex, EventChain.HEX.parseHex(digest.toLowerCase()));
        }
    }

    /** Waits (bounded) until the chain covers the events stored when the request arrived. */
    @Operation(operationId = "getAuditDigest", summary = "Current digest of the audit chain")
    @GetMapping("/api/v1/audit/digest")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR})
    AuditDigest auditDigest() {
        EventChain.Tail tail = chainer.awaitChained(chain.head());
        return new AuditDigest(tail.globalIndex(), tail.digest(), tail.chainedAt(), chain.eventsAfter(tail.globalIndex()));
    }

    @Operation(operationId = "verifyAuditChain", summary = "Verify the audit chain")
    @PostMapping("/api/v1/audit/verify")
    @AllowedRoles({Role.ADMIN, Role.INSPECTOR})
    ChainVerifier.ChainVerification auditVerify(@RequestBody(required = false) AuditAnchor anchor) {
        return verifier.verify(anchor == null ? null : anchor.parse());
    }
}
