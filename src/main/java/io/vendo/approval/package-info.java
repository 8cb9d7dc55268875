/**
 * Who must approve a request and what they decided. An approval opens when a request is submitted; each eligible
 * decision is recorded once, and when the approval is complete (or someone rejects) the request moves on. The
 * requester never approves their own request.
 */
@ApplicationModule(displayName = "Approval")
package io.vendo.approval;

import org.springframework.modulith.ApplicationModule;
