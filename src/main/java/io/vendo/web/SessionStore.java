package io.vendo.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in PostgreSQL (Spring Session JDBC) take a new attribute with an upsert. Two requests of one browser that
 * run at once may both add the same attribute: a form sent twice (a double click without JavaScript, which its
 * one-time token turns into one submission) leaves a flash message from each, and the plain insert would fail the
 * second with a duplicate key instead of showing it the page the first one led to.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsertSessionAttributes() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
