package cn.govcloud.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a controller or API method (or every method of a class): a signed-in
 * person holding any of these permissions; anyone else gets 403 (ADR 0018). The only way
 * GovCloud's pages and APIs declare access: no role names in strings.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Allowed {

	/** Any one of these suffices. */
	Permission[] value();

}
