// Stands in for imported .scss files: styles do not matter to jsdom.
export {};
