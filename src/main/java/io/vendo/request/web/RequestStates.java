package io.vendo.request.web;

import io.vendo.request.RequestState;

/** A request's state as the pages say it to people. */
final class RequestStates {

    private RequestStates() {}

    static String inWords(RequestState state) {
        return switch (state) {
            case PENDING_APPROVAL -> "Waiting for approval";
            case APPROVED -> "Approved: about to start";
            case IN_PROGRESS -> "In progress in AWS";
            case SUCCEEDED -> "Succeeded";
            case FAILED -> "Failed";
            case REJECTED -> "Rejected";
            case CANCELLED -> "Cancelled";
            case EXPIRED -> "Expired: nobody decided in time";
            case DRY_RUN -> "Dry run finished: nothing was created";
            case ABANDONING -> "Abandoned: deleting the stacks it left";
            case ABANDONED -> "Abandoned: every stack it left was deleted";
        };
    }
}
