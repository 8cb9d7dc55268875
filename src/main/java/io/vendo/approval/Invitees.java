package io.vendo.approval;

import io.vendo.identity.Directory;
import io.vendo.identity.Person;
import java.util.List;
import org.springframework.stereotype.Component;

/** Whom an approval invites, reminds or escalates to: the approvers in its groups who may still decide. */
@Component
class Invitees {

    private final Directory directory;

    Invitees(Directory directory) {
        this.directory = directory;
    }

    /**
     * Approvers in these groups who may still decide: not the requester, not who decided already in this round (after
     * a stale preview, everyone decides again).
     */
    List<String> of(Approval approval, List<String> groups) {
        var decided = approval.eligibility().decisions().stream()
                .map(Decision::approver)
                .toList();
        return groups.stream()
                .flatMap(group -> directory.approversIn(group).stream())
                .map(Person::username)
                .filter(username -> !username.equals(approval.requester()))
                .filter(username -> !decided.contains(username))
                .distinct()
                .toList();
    }
}
