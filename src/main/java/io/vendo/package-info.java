/**
 * Vendo, the portal that vends AWS environments: the application, its shared scheduler and asynchronous executor. Each
 * sub-package is a Spring Modulith module (see its {@code package-info.java}).
 */
@NullMarked
package io.vendo;

import org.jspecify.annotations.NullMarked;
