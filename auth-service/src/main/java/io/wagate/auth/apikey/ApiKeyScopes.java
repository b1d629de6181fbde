package io.wagate.auth.apikey;

import io.wagate.support.web.ApiProblem;
import java.util.List;
import java.util.Set;

/** What an API key may do; the gateway and the services enforce them, auth-service only grants them. */
public final class ApiKeyScopes {

    public static final Set<String> ALL = Set.of("messages:send", "messages:read", "instance:read", "instance:control",
            "webhooks:manage");

    private ApiKeyScopes() {
    }

    /** The scopes de-duplicated and sorted, or the validation problem naming the first unknown one. */
    static List<String> normalize(List<String> scopes) {
        for (String scope : scopes) {
            if (!ALL.contains(scope)) {
                throw ApiProblem.invalid("scopes: unknown scope '" + scope.replaceAll("\\p{Cntrl}", "?")
                        .substring(0, Math.min(scope.length(), 40)) + "', expected some of " + ALL.stream().sorted().toList());
            }
        }
        return scopes.stream().distinct().sorted().toList();
    }
}
