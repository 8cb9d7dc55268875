package io.vendo.execution;

import io.vendo.catalog.Catalog;
import io.vendo.request.RequestKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The COMPOSITE executors: one deploys a composite's graph, the other deletes it in reverse. */
@Configuration(proxyBeanMethods = false)
class CompositeExecutors {

    @Bean
    CompositeExecutor compositeProvisioning(
            Catalog catalog,
            ComponentRunRepository components,
            ComponentStacks stacks,
            AdmissionProperties limits,
            CompositeAbandonment abandonment) {
        return new CompositeExecutor(RequestKind.PROVISION, catalog, components, stacks, limits, abandonment);
    }

    @Bean
    CompositeExecutor compositeDecommissioning(
            Catalog catalog,
            ComponentRunRepository components,
            ComponentStacks stacks,
            AdmissionProperties limits,
            CompositeAbandonment abandonment) {
        return new CompositeExecutor(RequestKind.DECOMMISSION, catalog, components, stacks, limits, abandonment);
    }
}
