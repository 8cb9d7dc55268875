/**
 * Tells people what needs them and what happened: approval invitations with one-time links by e-mail (SMTP or
 * Amazon SES; a log line where no mail server is configured) and to team Slack channels, and updates to requesters.
 * Reacts to events only, after their transactions commit, from the event publication registry. Its listeners run
 * without a transaction of their own ({@code Propagation.NOT_SUPPORTED}): what they read and write commits in short
 * transactions of the modules they call, and no database connection is held while a message is rendered or sent.
 *
 * <p>No other module uses it: it has no door. It reads requests through {@link io.vendo.request.Requests}, issues
 * one-time links through {@link io.vendo.approval.Approvals}, and finds addresses in the identity module's directory.
 */
@ApplicationModule(
        displayName = "Notification",
        allowedDependencies = {
            "request",
            "request::events",
            "request::views",
            "approval",
            "approval::events",
            "environment",
            "identity::directory",
            "audit::events",
            "web"
        })
@NullMarked
package io.vendo.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
