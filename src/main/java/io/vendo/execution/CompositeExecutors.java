package io.vendo.execution;

import io.vendo.catalog.Catalog;
import io.vendo.request.RequestKind;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The COMPOSITE executors: one deploys a composite's graph, the other deletes it in reverse. */
@Configuration(proxyBeanMethods = false)
class CompositeExecutors {

    @Bean
    CompositeExecutor compositeProvisioning(
            Catalog catalog,
            ObjectProvider<KindExecutor<?>> kinds,
            ExecutionRepository executions,
            ComponentRunRepository components,
            ExecutionProperties properties,
            Clock clock) {
        return new CompositeExecutor(RequestKind.PROVISION, catalog, kinds, executions, components, properties, clock);
    }

    @Bean
    CompositeExecutor compositeDecommissioning(
            Catalog catalog,
            ObjectProvider<KindExecutor<?>> kinds,
            ExecutionRepository executions,
            ComponentRunRepository components,
            ExecutionProperties properties,
            Clock clock) {
        return new CompositeExecutor(
                RequestKind.DECOMMISSION, catalog, kinds, executions, components, properties, clock);
    }
}
