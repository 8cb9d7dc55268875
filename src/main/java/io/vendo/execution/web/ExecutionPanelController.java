package io.vendo.execution.web;

import io.vendo.execution.Executions;
import io.vendo.identity.Actor;
import io.vendo.web.PageController;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The execution part of a request's page: phase, AWS identifiers, and a change set's resource changes. */
@PageController
class ExecutionPanelController {

    private final Executions executions;

    ExecutionPanelController(Executions executions) {
        this.executions = executions;
    }

    @GetMapping("/requests/{id}/execution")
    String panel(@PathVariable UUID id, Actor actor, Model model) {
        model.addAttribute("execution", executions.of(id, actor).orElse(null));
        return "execution/panel :: panel";
    }
}
