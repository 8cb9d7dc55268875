package io.vendo.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Looks people up by name or group, so that approvals know whom to invite and notifications where to write: the
 * people who logged in through the issuer (remembered at every login) and, in the local run, the demo users.
 */
@Service
@NamedInterface("directory")
public class Directory {

    /** The group that stands for every approver. */
    public static final String ANY_APPROVER = "*";

    private final List<Person> demoPeople;
    private final People people;

    Directory(IdentityProperties properties, People people) {
        this.demoPeople = properties.demoUsers().stream()
                .map(user -> new Person(user.username(), user.mailbox(), user.roles(), user.teams()))
                .toList();
        this.people = people;
    }

    public Optional<Person> person(String username) {
        return demoPeople.stream()
                .filter(person -> person.username().equals(username))
                .findFirst()
                .or(() -> people.reachable(username));
    }

    /** Approvers in a group; {@link #ANY_APPROVER} means every approver. */
    public List<Person> approversIn(String group) {
        var found = new ArrayList<>(demoPeople.stream()
                .filter(person -> person.roles().contains(Role.APPROVER))
                .filter(person -> group.equals(ANY_APPROVER) || person.groups().contains(group))
                .toList());
        for (var person : people.approvers(group.equals(ANY_APPROVER) ? null : group)) {
            if (found.stream().noneMatch(known -> known.username().equals(person.username()))) {
                found.add(person);
            }
        }
        return found;
    }
}
