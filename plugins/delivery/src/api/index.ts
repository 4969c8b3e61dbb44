export * from './DeliveryApi';
export * from './DeliveryClient';
export * from './reports';
