package io.vendo.request.web;

import io.vendo.request.RequestState;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The Requests page's filters, as its query string carries them: a state, words to look for, only mine, a page. */
class RequestListForm {

    private @Nullable RequestState state;

    @Size(max = 200, message = "Search for at most 200 characters")
    private String q = "";

    private boolean mine;

    private @Nullable String cursor;

    public @Nullable RequestState getState() {
        return state;
    }

    public void setState(@Nullable RequestState state) {
        this.state = state;
    }

    public String getQ() {
        return q;
    }

    public void setQ(@Nullable String q) {
        this.q = q == null ? "" : q;
    }

    public boolean isMine() {
        return mine;
    }

    public void setMine(boolean mine) {
        this.mine = mine;
    }

    public @Nullable String getCursor() {
        return cursor;
    }

    public void setCursor(@Nullable String cursor) {
        this.cursor = cursor == null || cursor.isBlank() ? null : cursor;
    }

    public boolean filtered() {
        return state != null || !q.isBlank() || mine;
    }
}
