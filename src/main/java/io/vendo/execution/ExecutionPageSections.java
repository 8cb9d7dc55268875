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
