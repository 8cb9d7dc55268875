package io.vendo.aws;

import io.vendo.execution.AwsTarget;

/** The AWS calls an executor would make, rendered for people: one block per call, one line per field. */
final class AwsPlan {

    private final StringBuilder text = new StringBuilder();

    AwsPlan(AwsTarget target) {
        text.append("In account ")
                .append(target.accountId())
                .append(", region ")
                .append(target.region());
        if (target.roleArn() != null) {
            text.append(", as ").append(target.roleArn());
        }
        text.append(':');
    }

    AwsPlan call(String service, String operation) {
        text.append("\n").append(service).append(' ').append(operation);
        return this;
    }

    AwsPlan field(String name, Object value) {
        text.append("\n  ").append(name).append(": ").append(value);
        return this;
    }

    AwsPlan note(String note) {
        text.append(" — ").append(note);
        return this;
    }

    String render() {
        return text.toString();
    }
}
