package io.vendo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Cognito groups → roles and teams, by the configured mapping and team prefix. */
class GroupMappingTest {

    private static IdentityProperties properties(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("vendo.identity", IdentityProperties.class);
    }

    @Test
    void defaultsMapVendoGroupsToRolesEveryoneRequestsAndEveryGroupIsATeam() {
        var mapping = new GroupMapping(properties(Map.of()));
        var groups = mapping.groupsIn(Map.of("cognito:groups", List.of("vendo-approvers", "web-team")));

        assertThat(mapping.rolesOf(groups)).containsExactlyInAnyOrder(Role.REQUESTER, Role.APPROVER);
        assertThat(mapping.teamsOf(groups)).containsExactlyInAnyOrder("vendo-approvers", "web-team");
    }

    @Test
    void configuredClaimRolesAndTeamPrefix() {
        var mapping = new GroupMapping(properties(Map.of(
                "vendo.identity.groups.claim", "groups",
                "vendo.identity.groups.roles.platform-admins", "ADMIN",
                "vendo.identity.groups.default-roles", "",
                "vendo.identity.groups.team-prefix", "team-")));
        var groups = mapping.groupsIn(Map.of("groups", "platform-admins team-web, team-"));

        assertThat(groups).containsExactlyInAnyOrder("platform-admins", "team-web", "team-");
        assertThat(mapping.rolesOf(groups)).containsExactly(Role.ADMIN);
        assertThat(mapping.teamsOf(groups)).containsExactly("web");
    }

    @Test
    void aPersonIsNamedByTheFirstUsernameClaimPresent() {
        var mapping = new GroupMapping(properties(Map.of()));

        assertThat(mapping.username(Map.of("cognito:username", "rita", "username", "other", "sub", "x")))
                .contains(new GroupMapping.Username("cognito:username", "rita"));
        assertThat(mapping.username(Map.of("username", "rita")))
                .contains(new GroupMapping.Username("username", "rita"));
        assertThat(mapping.username(Map.of("username", " ", "preferred_username", "rita")))
                .contains(new GroupMapping.Username("preferred_username", "rita"));
        assertThat(mapping.username(Map.of("sub", "x"))).isEmpty();
        assertThat(mapping.rolesOf(Set.of())).containsExactly(Role.REQUESTER);
    }
}
