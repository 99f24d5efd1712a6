package org.creditledger;

import org.creditledger.platform.access.ApiKeys;
import org.creditledger.testing.Api;
import org.creditledger.testing.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of HTTP tests against the whole ledger on embedded PostgreSQL. All subclasses share one Spring context and
 * one database, so each test makes its own units and subjects.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class LedgerHttpTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected ApiKeys apiKeys;
    @Autowired
    protected JdbcClient jdbc;

    /** The ledger's HTTP API, with no key yet: {@code api().as(secret)}. */
    protected Api api() {
        return Api.at(port);
    }

    protected TestKeys keys() {
        return new TestKeys(apiKeys);
    }

    /**
     * Events written on behalf of callers: a refused request must leave this unchanged. Events the ledger writes by
     * itself (deadlines of other tests' records firing in the background, metadata {@code principal=system}) do not
     * count, or they would race with the assertion.
     */
    protected long events() {
        return jdbc.sql("""
                        select count(*) from domain_event_entry
                        where coalesce(convert_from(meta_data, 'UTF8')::jsonb ->> 'principal', '') <> 'system'""")
                .query(Long.class).single();
    }
}
