/**
 * Web helpers every module's pages use: domain errors as form field errors, pager links.
 * The API error handler and the locale settings here apply by themselves.
 */
@org.springframework.modulith.NamedInterface("web")
package cn.govcloud.shared.web;
