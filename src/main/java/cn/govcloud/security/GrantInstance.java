package cn.govcloud.security;

import java.util.UUID;

/** An instance asked for in a grant, with the names it had when asked. */
public record GrantInstance(UUID instanceId, String instanceName, UUID systemId, String systemName, boolean granted) {
}
