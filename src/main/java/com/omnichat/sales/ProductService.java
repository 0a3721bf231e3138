package com.omnichat.sales;

import com.omnichat.base.Drafts;
import com.omnichat.base.NotFoundException;
import com.omnichat.base.Sql;
import com.omnichat.base.UserFacingException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product catalogue: kept by administrators, offered to everybody in the order form
 * (active products only). Products are never deleted, only deactivated: old orders keep them.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class ProductService {

    public static final int MAX_NAME = 200;
    public static final int MAX_SKU = 64;
    public static final int MAX_PAGE = 500;

    private static final String COLUMNS = "id, name, sku, price, active, version";
    private static final String SEARCH = "lower(name || ' ' || sku) like :search escape '\\'";

    private final JdbcClient jdbc;

    ProductService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Administration: every product (inactive ones too) whose name or SKU contains the query, by name. */
    @PreAuthorize("hasAuthority('PERM_MANAGE_PRODUCTS')")
    @Transactional(readOnly = true)
    public List<Product> search(@Nullable String query, int offset, int limit) {
        return page(SEARCH, query, offset, limit);
    }

    @PreAuthorize("hasAuthority('PERM_MANAGE_PRODUCTS')")
    @Transactional(readOnly = true)
    public int count(@Nullable String query) {
        return jdbc.sql("select count(*) from product where " + SEARCH)
                .param("search", pattern(query))
                .query(Integer.class)
                .single();
    }

    /** For the order form's picker: active products matching the query, by name. */
    @Transactional(readOnly = true)
    public List<Product> offered(@Nullable String query, int offset, int limit) {
        return page("active and " + SEARCH, query, offset, limit);
    }

    private List<Product> page(String where, @Nullable String query, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + " from product where " + where
                        + " order by lower(name), id limit :limit offset :offset")
                .param("search", pattern(query))
                .param("limit", Math.min(Math.max(limit, 0), MAX_PAGE))
                .param("offset", Math.max(offset, 0))
                .query(ProductService::row)
                .list();
    }

    @Transactional(readOnly = true)
    public int countOffered(@Nullable String query) {
        return jdbc.sql("select count(*) from product where active and " + SEARCH)
                .param("search", pattern(query))
                .query(Integer.class)
                .single();
    }

    @PreAuthorize("hasAuthority('PERM_MANAGE_PRODUCTS')")
    public Product create(ProductDraft draft) {
        Valid v = validate(draft, null);
        try {
            long id = jdbc.sql("insert into product (name, sku, price, active) values (?, ?, ?, ?) returning id")
                    .params(v.name(), v.sku(), v.price(), draft.active())
                    .query(Long.class)
                    .single();
            return get(id);
        } catch (DuplicateKeyException e) {
            // Two administrators raced past the check: the unique index decided.
            throw new UserFacingException("product.error.sku-taken", v.sku());
        }
    }

    @PreAuthorize("hasAuthority('PERM_MANAGE_PRODUCTS')")
    public Product update(long id, ProductDraft draft, long version) {
        Product current = get(id);
        if (current.version() != version) {
            throw new UserFacingException("product.error.changed", current.name());
        }
        Valid v = validate(draft, id);
        try {
            int updated = jdbc.sql("""
                            update product set name = ?, sku = ?, price = ?, active = ?, updated_at = now(),
                                   version = version + 1
                            where id = ? and version = ?""")
                    .params(v.name(), v.sku(), v.price(), draft.active(), id, version)
                    .update();
            if (updated == 0) {
                throw new UserFacingException("product.error.changed", current.name());
            }
            return get(id);
        } catch (DuplicateKeyException e) {
            throw new UserFacingException("product.error.sku-taken", v.sku());
        }
    }

    private Product get(long id) {
        return jdbc.sql("select " + COLUMNS + " from product where id = ?")
                .param(id)
                .query(ProductService::row)
                .optional()
                .orElseThrow(() -> new NotFoundException("Product " + id));
    }

    private Valid validate(ProductDraft draft, @Nullable Long id) {
        Drafts.valid(draft);
        String name = Objects.requireNonNull(draft.name()).strip();
        String sku = Objects.requireNonNull(draft.sku()).strip();
        BigDecimal price = Objects.requireNonNull(draft.price());
        boolean taken = jdbc.sql("select exists (select 1 from product where lower(sku) = lower(?) and id <> ?)")
                .params(sku, id == null ? -1L : id)
                .query(Boolean.class)
                .single();
        if (taken) {
            throw new UserFacingException("product.error.sku-taken", sku);
        }
        return new Valid(name, sku, price.setScale(Money.SCALE, java.math.RoundingMode.UNNECESSARY));
    }

    private record Valid(String name, String sku, BigDecimal price) {}

    private static String pattern(@Nullable String query) {
        return query == null || query.isBlank() ? "%" : Sql.containsIgnoringCase(query);
    }

    static Product row(ResultSet rs, int n) throws SQLException {
        return new Product(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("sku"),
                rs.getBigDecimal("price"),
                rs.getBoolean("active"),
                rs.getLong("version"));
    }
}
