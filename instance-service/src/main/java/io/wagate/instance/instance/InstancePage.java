package io.wagate.instance.instance;

import java.util.List;

/** One page of instances, ordered by name. */
public record InstancePage(List<InstanceView> items, int page, int size, long total) {
}
