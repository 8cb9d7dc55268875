package io.vendo.identity;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the {@link Actor} argument of controller methods out of the OpenAPI document: it is the authenticated caller,
 * taken from the credentials, not a parameter a client sends.
 */
@Configuration(proxyBeanMethods = false)
class ActorParameterDocumentation {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }
}
