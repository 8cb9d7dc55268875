package io.vendo.web;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every string a controller binds from the query, the path, a header or a form passes {@link PlainText#FREE_TEXT}:
 * a refused value is a binding failure of its field ({@link RefusedValueException} says why), reported as the API's
 * 400 or the form's message, and never reaches a query.
 */
@ControllerAdvice
class PlainTextBinding {

    @InitBinder
    void refuseControlCharacters(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PlainTextEditor());
    }

    static final class PlainTextEditor extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            var problem = PlainText.FREE_TEXT.problem(text);
            if (problem.isPresent()) {
                throw new RefusedValueException(problem.get());
            }
            setValue(text);
        }
    }
}
