package io.vendo.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Looks people up by name or group, so that approvals know whom to invite and notifications where to write. Backed by
 * the configured demo users for now; with Cognito it becomes the user pool (ListUsersInGroup).
 */
@Service
public class Directory {

    /** The group that stands for every approver. */
    public static final String ANY_APPROVER = "*";

    private final List<Person> people;

    Directory(IdentityProperties properties) {
        this.people = properties.demoUsers().stream()
                .map(user -> new Person(user.username(), user.email(), user.roles(), user.teams()))
                .toList();
    }

    public Optional<Person> person(String username) {
        return people.stream()
                .filter(person -> person.username().equals(username))
                .findFirst();
    }

    /** Approvers in a group; {@link #ANY_APPROVER} means every approver. */
    public List<Person> approversIn(String group) {
        return people.stream()
                .filter(person -> person.roles().contains(Role.APPROVER))
                .filter(person -> group.equals(ANY_APPROVER) || person.groups().contains(group))
                .toList();
    }
}
