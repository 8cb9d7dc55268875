package io.vendo.execution;

import io.vendo.catalog.Catalog;
import io.vendo.digest.Sha256;
import io.vendo.identity.Actor;
import io.vendo.request.RequestView;
import io.vendo.request.web.RequestPageSection;
import io.vendo.web.AwsConsoleLinks;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The execution module's parts of a request's page: the place in the admission queue while the request waits for a
 * slot, and the execution (phase, AWS ids with console links, resource changes) once it has one.
 */
@Configuration(proxyBeanMethods = false)
class ExecutionPageSections {

    @Bean
    RequestPageSection queueSection(AdmissionQueue queue) {
        return new RequestPageSection() {
            @Override
            public int order() {
                return 10;
            }

            @Override
            public Optional<Part> read(RequestView request, Actor viewer) {
                if (request.state().terminal()) {
                    return Optional.empty();
                }
                return queue.place(request.id())
                        .map(place -> new Part("execution/queue :: queue", Map.of("place", place), place.toString()));
            }
        };
    }

    /** A composite request's graph: each component in the order it starts, with its state, inputs and outputs. */
    @Bean
    RequestPageSection compositeSection(Executions executions) {
        return new RequestPageSection() {
            @Override
            public int order() {
                return 15;
            }

            @Override
            public Optional<Part> read(RequestView request, Actor viewer) {
                var components = executions.components(request.id(), viewer);
                if (components.isEmpty()) {
                    return Optional.empty();
                }
                var version = Sha256.hex(components.stream()
                        .map(component -> component.name()
                                + component.state()
                                + component.attempt()
                                + component.events().size())
                        .collect(java.util.stream.Collectors.joining("\n")));
                // Its requester decides what becomes of a failed composite: retry it, unless it was abandoned (some
                // of its stacks may be gone), or abandon it (again, if deleting its stacks stopped).
                var mayAbandon = request.state() == io.vendo.request.RequestState.FAILED
                        && request.kind() == io.vendo.request.RequestKind.PROVISION
                        && request.requester().equals(viewer.username());
                var mayRetry = mayAbandon
                        && components.stream().noneMatch(component -> ComponentState.valueOf(component.state())
                                .abandoned());
                return Optional.of(new Part(
                        "execution/composite :: graph",
                        Map.of(
                                "components",
                                components,
                                "mayRetry",
                                mayRetry,
                                "mayAbandon",
                                mayAbandon,
                                "requestId",
                                request.id()),
                        version + mayRetry + mayAbandon));
            }
        };
    }

    @Bean
    RequestPageSection executionSection(Executions executions, Catalog catalog) {
        return new RequestPageSection() {
            @Override
            public int order() {
                return 20;
            }

            @Override
            public Optional<Part> read(RequestView request, Actor viewer) {
                if (request.dryRunPlan() != null) {
                    // A dry run shows the calls it would have made instead.
                    return Optional.empty();
                }
                return executions.of(request.id(), viewer).map(execution -> {
                    var region = catalog.target(request.targetId()).region();
                    var version = Sha256.hex(String.join(
                            "\n",
                            execution.phase(),
                            String.valueOf(execution.awsStatus()),
                            String.valueOf(execution.polls()),
                            String.valueOf(execution.lastError()),
                            execution.updatedAt().toString()));
                    return new Part(
                            "execution/panel :: panel",
                            Map.of(
                                    "execution",
                                    execution,
                                    "consoleLinks",
                                    AwsConsoleLinks.of(execution.awsIds(), region)),
                            version);
                });
            }
        };
    }
}
