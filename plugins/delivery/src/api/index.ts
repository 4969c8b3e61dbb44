export * from './DeliveryApi';
export * from './DeliveryClient';
