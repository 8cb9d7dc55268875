package io.vendo.request;

import org.springframework.modulith.NamedInterface;

/** What a request asks for. Only PROVISION exists so far; day-2 kinds follow. */
@NamedInterface("views")
public enum RequestKind {
    PROVISION
}
