package dev.pln.service.system;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Query parameters, form fields, headers and path segments bound to a string refuse control characters other
 * than tab and line breaks (page forms carry free text), halves of surrogate pairs and bytes that were not UTF-8,
 * as JSON strings do; the request is answered 400 naming the parameter.
 */
@ControllerAdvice
class StrictParameters {

    @InitBinder
    void strictText(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StrictTextEditor());
    }

    /** Why a parameter was refused; the exception handler answers it as a 400 with this message. */
    static final class UnacceptableParameterException extends IllegalArgumentException {

        UnacceptableParameterException(String reason) {
            super(reason);
        }
    }

    private static final class StrictTextEditor extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (text != null) {
                UnacceptableCharacters.in(text, true).ifPresent(reason -> {
                    throw new UnacceptableParameterException(reason);
                });
            }
            setValue(text);
        }
    }
}
