/**
 * The approval module's pages: the approvals inbox and decisions, the approval part of a request's page, and the
 * approval policies' administration.
 */
@NullMarked
package io.vendo.approval.web;

import org.jspecify.annotations.NullMarked;
