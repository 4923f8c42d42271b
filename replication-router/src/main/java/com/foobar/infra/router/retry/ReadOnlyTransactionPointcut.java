package com.foobar.infra.router.retry;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matches the methods that run in a read-only transaction: {@code @Transactional(readOnly = true)} on the method,
 * or on its class when the method has no {@code @Transactional} of its own.
 */
public final class ReadOnlyTransactionPointcut extends StaticMethodMatcherPointcut {

    @Override
    public boolean matches(Method method, @Nullable Class<?> targetClass) {
        Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
        Transactional transactional = AnnotatedElementUtils.findMergedAnnotation(specific, Transactional.class);
        if (transactional == null) {
            transactional = AnnotatedElementUtils.findMergedAnnotation(specific.getDeclaringClass(),
                    Transactional.class);
        }
        return transactional != null && transactional.readOnly();
    }

}
