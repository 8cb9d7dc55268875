/**
 * Tells people what needs them and what happened: approval invitations with one-time links by e-mail (SMTP or
 * Amazon SES; a log line where no mail server is configured) and to team Slack channels, and updates to requesters. Reacts to
 * events only, after their transactions commit, from the event publication registry.
 */
@ApplicationModule(displayName = "Notification")
package io.vendo.notification;

import org.springframework.modulith.ApplicationModule;
