package io.wagate.engine.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Keeps credentials on the heap; for tests, the sandbox and short-lived tools. Thread-safe. */
public final class InMemoryCredentialStore implements CredentialStore {

    private @Nullable Credentials credentials;
    private final Map<Integer, PreKey> preKeys = new HashMap<>();

    public InMemoryCredentialStore() {
    }

    public InMemoryCredentialStore(Credentials initial) {
        this.credentials = initial;
    }

    @Override
    public synchronized Optional<Credentials> load() {
        return Optional.ofNullable(credentials);
    }

    @Override
    public synchronized void save(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public synchronized void saveWithPreKeys(Credentials credentials, List<PreKey> newPreKeys) {
        for (PreKey preKey : newPreKeys) {
            preKeys.put(preKey.id(), preKey);
        }
        this.credentials = credentials;
    }

    @Override
    public synchronized Optional<PreKey> loadPreKey(int id) {
        return Optional.ofNullable(preKeys.get(id));
    }

    @Override
    public synchronized void removePreKey(int id) {
        preKeys.remove(id);
    }

    @Override
    public synchronized int preKeyCount() {
        return preKeys.size();
    }

    @Override
    public synchronized void delete() {
        credentials = null;
        preKeys.clear();
    }
}
