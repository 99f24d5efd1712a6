package org.creditledger.platform.idempotency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.creditledger.platform.web.LedgerProblem;
import org.creditledger.platform.web.ProblemType;

import java.util.UUID;
import org.creditledger.platform.i18n.Text;

/**
 * Ties a command's write to the {@code Idempotency-Key} of the request that sent it: inside the command's transaction
 * (this interceptor runs within Axon's transaction interceptor), the key's row becomes {@code WRITTEN}. The events and
 * that mark commit together or not at all, so the filter knows afterwards, whatever failed, whether the key has a
 * write: a crash leaves either an {@code IN_PROGRESS} row with nothing written (safe to run again once expired) or a
 * {@code WRITTEN} one (never run again).
 *
 * <p>The request's attempt is found through a thread-local the filter sets around the request: the simple command bus
 * handles a command in the thread that sends it. Commands sent from other threads (import workers, deadlines) carry no
 * attempt and are not tied to a key.
 */
class IdempotentWrites implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** The attempt holding a key in the current request thread. */
    record Attempt(UUID keyId, String idempotencyKey, UUID attempt) {
    }

    private static final ThreadLocal<Attempt> CURRENT = new ThreadLocal<>();

    private final IdempotentRequests requests;

    IdempotentWrites(IdempotentRequests requests) {
        this.requests = requests;
    }

    static void begin(Attempt attempt) {
        CURRENT.set(attempt);
    }

    static void end() {
        CURRENT.remove();
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Attempt attempt = CURRENT.get();
        if (attempt != null && !requests.markWritten(attempt.keyId(), attempt.idempotencyKey(), attempt.attempt())) {
            throw new AttemptSuperseded();
        }
        return interceptorChain.proceed();
    }

    /** This attempt ran longer than the in-progress expiry and a retry with the same key took over: it writes nothing. */
    static class AttemptSuperseded extends LedgerProblem {
        AttemptSuperseded() {
            super(ProblemType.IDEMPOTENT_REQUEST_IN_PROGRESS, Text.of("problem.idempotency-key.superseded"));
        }
    }
}
