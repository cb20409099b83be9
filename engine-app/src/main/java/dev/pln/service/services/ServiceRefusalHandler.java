package dev.pln.service.services;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a refused service as problem+json 422. Ordered first because it handles only its own exception; every
 * other failure reaches the service-wide handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ServiceRefusalHandler {

    static final URI NOT_ELIGIBLE = URI.create("/problems/service-not-eligible");

    @ExceptionHandler(ServiceRefusedException.class)
    ResponseEntity<ProblemDetail> refused(ServiceRefusedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
        problem.setType(NOT_ELIGIBLE);
        problem.setTitle("Service not allowed by the rules");
        ex.properties().forEach(problem::setProperty);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
