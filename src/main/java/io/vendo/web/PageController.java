package io.vendo.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;

/**
 * A controller that renders Thymeleaf pages. Its errors become error pages ({@link PageErrors}); the errors
 * of {@code @RestController}s become problem details ({@link ApiProblemHandler}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {}
