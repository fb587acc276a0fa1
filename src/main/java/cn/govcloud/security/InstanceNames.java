package cn.govcloud.security;

import java.util.List;

import cn.govcloud.inventory.OwnedInstance;
import cn.govcloud.shared.InvalidInputException.FieldProblem;

/**
 * An instance as the supplier's systems name it in a report (a bastion session, a backup
 * run): its id or its inventory name, among the supplier's own instances.
 */
final class InstanceNames {

	private InstanceNames() {
	}

	/**
	 * The one instance of {@code own} named {@code named}; otherwise a problem on
	 * {@code prefix + "instance"} and {@code null}.
	 */
	static OwnedInstance match(List<OwnedInstance> own, String named, String prefix, List<FieldProblem> problems) {
		String key = (named != null) ? named.strip() : "";
		List<OwnedInstance> matching = own.stream()
			.filter((i) -> i.id().toString().equalsIgnoreCase(key) || i.name().equals(key))
			.toList();
		if (matching.size() != 1) {
			problems.add(new FieldProblem(prefix + "instance",
					matching.isEmpty() ? "access.event.instance" : "access.event.instanceAmbiguous", key));
			return null;
		}
		return matching.get(0);
	}

}
