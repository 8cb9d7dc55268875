package io.vendo.request.web;

import io.vendo.audit.AuditEntry;
import io.vendo.request.RequestView;
import io.vendo.request.web.RequestPageSection.Part;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Everything a request's page shows that can change, read at one moment: the request, its timeline, the other modules'
 * parts, and what the viewer may do now. The page and its live fragment are rendered from this alone.
 *
 * @param etag the version of all of it for this viewer: a fragment asked for again with it is answered 304
 * @param follows the requests whose changes show on the page: the request itself until it ends, and those its parts
 *     follow (a promotion's other steps while it goes on); empty once nothing on the page will change any more
 * @param refresh {@code "min,max"} seconds between looks while nothing changes, or {@code null} once nothing on the
 *     page will change any more
 * @param announce the state in words, for the page's live region
 */
record RequestPage(
        RequestView request,
        List<AuditEntry> timeline,
        List<Part> parts,
        boolean mayCancel,
        String etag,
        Set<UUID> follows,
        @Nullable String refresh,
        String announce) {

    public boolean live() {
        return refresh != null;
    }
}
