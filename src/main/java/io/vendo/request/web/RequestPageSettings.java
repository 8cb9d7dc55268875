package io.vendo.request.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code vendo.request.page}: how often an open request page looks for changes on its own. It is told
 * of every change at once (server-sent events); these looks are the fallback for a notification lost on the way. Each
 * look that finds nothing new doubles the wait, up to the maximum; a request that has ended is never looked at again.
 *
 * @param pendingRefresh the first wait while a request waits for approval (which can take days)
 * @param pendingRefreshMax the longest wait while a request waits for approval
 * @param runningRefresh the first wait while a request is approved or in progress
 * @param runningRefreshMax the longest wait while a request is approved or in progress
 */
@ConfigurationProperties("vendo.request.page")
record RequestPageSettings(
        @DefaultValue("30s") Duration pendingRefresh,
        @DefaultValue("5m") Duration pendingRefreshMax,
        @DefaultValue("3s") Duration runningRefresh,
        @DefaultValue("30s") Duration runningRefreshMax) {}
