package cn.govcloud.dashboard;

import java.util.List;

import cn.govcloud.shared.GovCloudPrincipal;

/**
 * A module's figures for a person's dashboard, typically what waits on them (applications
 * to review, contracts to file, unread messages). Modules provide one as a bean; the
 * dashboard shows them after its own.
 */
public interface FigureSource {

	List<Figure> figuresFor(GovCloudPrincipal caller);

}
