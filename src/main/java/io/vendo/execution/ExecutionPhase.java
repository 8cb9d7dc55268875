package io.vendo.execution;

enum ExecutionPhase {
    /** The stack is to be created; once an attempt was made, look up before creating again. */
    SUBMITTING,
    /** CloudFormation works on the stack; poll its status. */
    POLLING,
    /** The request reached a terminal state. */
    DONE
}
