package cn.govcloud.systems;

/**
 * Where an application system runs (Art. 3): new systems are built on the platform,
 * existing ones migrate to it, unless an exemption applies.
 */
public enum HostingStatus {

	PLANNED, ON_PLATFORM, LEGACY_SELF_HOSTED, MIGRATING, EXEMPT, OFFLINE

}
