package io.vendo.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everyone who has logged in through the issuer, as their last login showed them (e-mail, roles, teams): approvers
 * are invited by e-mail before they ever open the portal again, so Vendo must remember them.
 */
@Component
class People {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    People(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Records a login; one statement, so two first logins of one person at once cannot collide. */
    void remember(
            String username, @Nullable String email, @Nullable String displayName, Set<Role> roles, Set<String> teams) {
        var now = java.sql.Timestamp.from(clock.instant());
        jdbc.sql(
                        """
                        insert into person (username, email, display_name, roles, teams, first_login_at, last_login_at)
                        values (:username, :email, :displayName, cast(:roles as jsonb), cast(:teams as jsonb), :now, :now)
                        on conflict (username) do update set email = excluded.email,
                            display_name = excluded.display_name, roles = excluded.roles, teams = excluded.teams,
                            last_login_at = excluded.last_login_at
                        """)
                .param("username", username)
                .param("email", email)
                .param("displayName", displayName)
                .param(
                        "roles",
                        json.writeValueAsString(
                                roles.stream().map(Role::name).sorted().toList()))
                .param("teams", json.writeValueAsString(new TreeSet<>(teams)))
                .param("now", now)
                .update();
    }

    /** A person Vendo can write to. */
    Optional<Person> reachable(String username) {
        return jdbc.sql(
                        "select username, email, roles, teams from person where username = :username and email is not null")
                .param("username", username)
                .query((rs, row) -> person(rs))
                .optional();
    }

    /** Approvers with an e-mail address in a team; {@code null} for every approver. */
    List<Person> approvers(@Nullable String team) {
        return jdbc.sql(
                        """
                        select username, email, roles, teams from person
                        where email is not null and roles @> '["APPROVER"]'::jsonb
                          and (cast(:team as text) is null or teams @> jsonb_build_array(cast(:team as text)))
                        order by username
                        """)
                .param("team", team)
                .query((rs, row) -> person(rs))
                .list();
    }

    private Person person(java.sql.ResultSet rs) throws java.sql.SQLException {
        var roles = json.readValue(rs.getString("roles"), STRINGS).stream()
                .map(Role::valueOf)
                .collect(java.util.stream.Collectors.toSet());
        return new Person(
                rs.getString("username"),
                rs.getString("email"),
                roles,
                Set.copyOf(json.readValue(rs.getString("teams"), STRINGS)));
    }
}
