package cn.govcloud.inventory;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What changed in the matchable instances since a reader's previous read
 * ({@link InstanceDirectory#changedSince}): the changed instances that match now, the ids
 * of those that no longer do (removed, reclaimed), and where the next read starts.
 *
 * @param next the watermark to pass to the next read
 * @param matchable changed instances that are provisioning, active or being reclaimed
 * @param gone changed instances that no longer match
 */
public record DirectoryChanges(long next, List<MatchableInstance> matchable, Set<UUID> gone) {

	/** How many changed instances the read returned. */
	public int rows() {
		return this.matchable.size() + this.gone.size();
	}

}
