package io.wagate.auth.shared;

/** A member's role in one tenant, strongest first. */
public enum Role {
    OWNER, ADMIN, DEVELOPER, VIEWER;

    /** Whether a member with this role may manage members (invite, change roles, remove). */
    public boolean managesMembers() {
        return this == OWNER || this == ADMIN;
    }
}
