/**
 * Vending requests: the aggregate that carries a request from submission through approval and execution to a
 * terminal state, guarding every transition and publishing an event for each, plus the pages and API that create
 * and show requests.
 */
@ApplicationModule(displayName = "Requests")
package io.vendo.request;

import org.springframework.modulith.ApplicationModule;
