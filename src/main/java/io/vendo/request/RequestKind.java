package io.vendo.request;

/** What a request asks for. Only PROVISION exists so far; day-2 kinds follow. */
public enum RequestKind {
    PROVISION
}
