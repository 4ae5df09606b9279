package io.floodgate.gateway.auth;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestAttribute;
import io.swagger.v3.oas.annotations.Operation;

/** Who the presented operator credential signs in as, for the console to show and to hide what a viewer cannot do. */
@Controller("/api/operator/me")
public class SignedInController {
    @Operation(summary = "The operator signed in: name and role (operators and viewers)")
    @Get
    public Operator me(@RequestAttribute(Operator.ATTRIBUTE) Operator operator) {
        return operator;
    }
}
