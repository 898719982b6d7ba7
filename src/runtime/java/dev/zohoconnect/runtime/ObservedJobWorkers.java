package dev.zohoconnect.runtime;

import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobWorkerManager;
import io.camunda.client.jobhandling.parameter.ParameterResolverStrategy;
import io.camunda.client.jobhandling.result.ResultProcessorStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;

/**
 * Swaps the Camunda starter's {@link JobWorkerManager} (declared unconditionally, so it cannot be
 * replaced by declaring another bean) for an {@link ObservedJobWorkerManager} built from the same
 * collaborators, before anything opens a worker through it.
 */
final class ObservedJobWorkers implements BeanPostProcessor, BeanFactoryAware {

  static final String WORKER_NAME = "camunda.client.worker.defaults.name";

  private BeanFactory beans;

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    this.beans = beanFactory;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean.getClass() != JobWorkerManager.class) {
      return bean;
    }
    String workerName = beans.getBean(Environment.class).getProperty(WORKER_NAME, "");
    return new ObservedJobWorkerManager(
        one(CommandExceptionHandlingStrategy.class),
        one(MetricsRecorder.class),
        one(ParameterResolverStrategy.class),
        one(ResultProcessorStrategy.class),
        one(BackoffSupplier.class),
        one(JobExceptionHandlingStrategy.class),
        one(InFlightJobs.class),
        workerName.isBlank() || "default".equals(workerName) ? null : workerName);
  }

  private <T> T one(Class<T> type) {
    return beans.getBeanProvider(type).getObject();
  }
}
