package io.wagate.support.identity;

/** Who is calling: a signed-in user (dashboard, management API) or an instance's API key (integration API). */
public enum PrincipalType {
    USER, API_KEY
}
