package io.wagate.engine.store;

import java.util.List;
import java.util.Optional;

/**
 * Persistent state of one linked number. Every method is one atomic change: an implementation backed by a database
 * runs each call in one transaction, so credentials and the prekeys they count are never out of step.
 */
public interface CredentialStore {

    Optional<Credentials> load();

    /** Replaces the stored credentials as a whole. */
    void save(Credentials credentials);

    /** Stores new one-time prekeys together with the credentials that advanced {@code nextPreKeyId}. */
    void saveWithPreKeys(Credentials credentials, List<PreKey> preKeys);

    Optional<PreKey> loadPreKey(int id);

    void removePreKey(int id);

    int preKeyCount();

    /** Forgets the account: credentials and prekeys. Called when the server logs the device out. */
    void delete();
}
